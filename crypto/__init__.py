"""Key derivation, key slots, identities, signing and age encryption.

This package is the only place that touches passphrases, key bytes and
cryptographic primitives. It imports neither ``intake`` nor ``ui`` nor Qt, so it
can be reviewed (and audited) on its own. Import the submodules directly:
``crypto.keyslots``, ``crypto.identity``, ``crypto.agefile`` and so on.
"""
