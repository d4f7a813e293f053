"""Custody beyond the bundle: the transfer ledger, withdrawal notices, delivery receipts.

| module | what it does |
|---|---|
| ``envelope`` | the small signed, encrypted file: ``*.tin.age`` (notice), ``*.tir.age`` (receipt) |
| ``documents`` | the ``tin/1`` and ``tir/1`` documents, canonical and strictly parsed |
| ``ledger`` | every export of a testimony, per recipient, with its receipt and notices |
| ``withdraw`` | (interviewer) record a withdrawal; one notice per recipient the ledger names |
| ``notices`` | (legal team) check and apply a notice: the record is kept, marked withdrawn |
| ``receipts`` | (legal team) write a receipt; (interviewer) check it, mark the transfer delivered |
| ``dispatch`` | ``import``/``verify`` of any of the three kinds of file, told apart by content |

See ``docs/bundle-format.md`` §6–7 for the formats.
"""
