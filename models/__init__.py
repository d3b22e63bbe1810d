"""The domain: its words (networks, media kinds, metrics), Beanie documents and their state transitions.

Kept empty on purpose: `integrations/` imports the domain words from `models.platform`, and importing
that must not pull in every document (which in turn use `integrations/`). `models.documents` lists the
documents Beanie registers.
"""
