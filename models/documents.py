"""The Beanie documents Herald stores, as one list for `init_beanie`."""

from beanie import Document

from models.ai_generation import AiGeneration
from models.media_asset import MediaAsset
from models.metric_snapshot import MetricSnapshot
from models.post import Post
from models.post_target import PostTarget
from models.social_account import SocialAccount
from models.user import User
from models.workspace import Workspace

DOCUMENT_MODELS: list[type[Document]] = [
    AiGeneration,
    User,
    Workspace,
    SocialAccount,
    Post,
    PostTarget,
    MediaAsset,
    MetricSnapshot,
]

__all__ = [
    "DOCUMENT_MODELS",
    "AiGeneration",
    "MediaAsset",
    "MetricSnapshot",
    "Post",
    "PostTarget",
    "SocialAccount",
    "User",
    "Workspace",
]
