"""Small widgets shared by the shell's screens (passphrase field, strength meter, key view)."""
