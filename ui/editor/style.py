"""The editor's few colours: errors red, hints grey, withdrawn consent unmistakable.

Colours only mark state that is also said in words (a message, a "⚠"), so the form stays
usable for someone who cannot tell red from green.
"""

EDITOR_STYLE = """
QLabel#fieldMessage[kind="error"] { color: #a4161a; }
QLabel#fieldMessage[kind="hint"] { color: #666666; }
QLineEdit[invalid="true"], QPlainTextEdit[invalid="true"], QComboBox[invalid="true"] {
    border: 1px solid #a4161a; background: #fff5f5; }
QLabel#saveStatus[kind="error"] { color: #a4161a; }
QLabel#saveStatus[kind="hint"] { color: #555555; }
QLabel#editorState { color: #555555; }
QLabel#consentBanner { padding: 8px; border-radius: 4px; font-weight: bold;
    border: 2px solid #2e7d32; background: #eef7ef; }
QLabel#consentBanner[state="none"] { border-color: #9e9e9e; background: #f3f3f3;
    font-weight: normal; }
QLabel#consentBanner[state="withdrawn"] { border: 3px solid #a4161a; background: #fde2e1;
    color: #a4161a; }
"""
