"""What every page needs for keyboard and screen-reader use, beyond Streamlit's defaults.

A focus ring that shows on the light and the dark theme (#1a73e8 is 4.8:1 on white and 4.0:1
on the dark background; WCAG asks 3:1 of a focus indicator), and code in a caption in the
caption's colour (Streamlit's green code on a faded caption is 3.0:1; axe's color-contrast).
"""

CSS = """
<style>
.stApp a:focus-visible, .stApp button:focus-visible, .stApp input:focus-visible,
.stApp textarea:focus-visible, .stApp summary:focus-visible, .stApp [role="tab"]:focus-visible,
.stApp [role="button"]:focus-visible, .stApp [tabindex]:focus-visible {
  outline: 3px solid #1a73e8 !important;
  outline-offset: 2px;
}
.stApp [data-testid="stCaptionContainer"] code { color: inherit; }
</style>
"""
