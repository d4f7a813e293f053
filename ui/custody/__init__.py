"""Custody after a bundle left: the transfer ledger view, the withdrawal dialog, receipts.

| module | what it does |
|---|---|
| ``transfers_view`` | read-only table of the ledger (one testimony or all), cleared on lock |
| ``withdraw_dialog`` | record a consent withdrawal and write one notice per recipient |
| ``receipt_action`` | (legal side) write a delivery receipt for an imported bundle |
"""
