"""Record widgets: the testimony list, the detail pane and the revision dialog.

They take data in and emit signals; the shell runs every store call on its worker.
"""
