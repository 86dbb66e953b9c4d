"""The dashboard's layout on narrow screens, in one place: app.py adds it to every page.

Streamlit stacks columns below 640 px; the headline numbers (components.counts) stay in one
row, long titles wrap instead of being cut, and Plotly's toolbar, which a tap opens over the
chart and the page, is hidden (the chart still zooms and shows values on tap).
"""

from components import COUNTS_KEY

CSS = f"""
<style>
/* titles in article links wrap on every screen */
.stApp [data-testid="stPageLink"] p,
.stApp [data-testid="stPageLink"] span {{ white-space: normal; overflow-wrap: anywhere; }}
.stApp a.article-url {{ overflow-wrap: anywhere; }}
@media (max-width: 640px) {{
  .stApp .st-key-{COUNTS_KEY} [data-testid="stHorizontalBlock"] {{
    flex-wrap: nowrap; gap: 0.5rem;
  }}
  .stApp .st-key-{COUNTS_KEY} [data-testid="stColumn"] {{
    min-width: 0; width: auto; flex: 1 1 0;
  }}
  .stApp .st-key-{COUNTS_KEY} [data-testid="stMetricValue"],
  .stApp .st-key-{COUNTS_KEY} [data-testid="stMetricValue"] * {{
    font-size: 1.05rem; white-space: normal; line-height: 1.25; overflow-wrap: anywhere;
  }}
  .stApp .st-key-{COUNTS_KEY} [data-testid="stMetricLabel"] p {{
    font-size: 0.7rem; white-space: normal;
  }}
  .stApp .modebar-container {{ display: none; }}
  .stApp h1 {{ font-size: 1.8rem; }}
}}
</style>
"""
