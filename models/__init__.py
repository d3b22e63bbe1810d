"""The domain: Beanie documents and their state transitions."""

from beanie import Document

from models.post import Post
from models.post_target import PostTarget
from models.social_account import SocialAccount
from models.user import User
from models.workspace import Workspace

DOCUMENT_MODELS: list[type[Document]] = [User, Workspace, SocialAccount, Post, PostTarget]

__all__ = ["DOCUMENT_MODELS", "Post", "PostTarget", "SocialAccount", "User", "Workspace"]
