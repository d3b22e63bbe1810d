"""The words every layer shares: the networks Herald publishes to and the kinds of media it handles."""

import enum


class PlatformName(enum.StrEnum):
    """The networks Herald publishes to; the values are stored in MongoDB."""

    BLUESKY = "BLUESKY"
    THREADS = "THREADS"
    INSTAGRAM = "INSTAGRAM"
    FACEBOOK = "FACEBOOK"
    REDDIT = "REDDIT"


class MediaKind(enum.StrEnum):
    """What a media file is, as detected from its bytes; the values are stored in MongoDB."""

    IMAGE = "IMAGE"
    GIF = "GIF"
    VIDEO = "VIDEO"
