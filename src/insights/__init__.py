"""News Insights: news listings in, one validated article dataset out.

No Streamlit here: the dashboard imports this library, never the other way round.
"""

__version__ = "0.1.0"
