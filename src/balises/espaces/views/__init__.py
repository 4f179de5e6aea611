"""Pages of territory spaces: entry points (mine, open, verify, invitations) and one space."""
