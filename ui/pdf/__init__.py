"""PDF documents drawn with Qt: the witness statement of a bundle (``statement``)."""
