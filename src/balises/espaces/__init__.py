"""Territory spaces (espaces): a territory's workspace, its members, roles and invitations, and
the access policy every app's space records go through."""
