"""The first-run wizard: name the identity, choose a passphrase, create, keep the recovery key."""

from ui.first_run.wizard import FirstRunWizard

__all__ = ["FirstRunWizard"]
