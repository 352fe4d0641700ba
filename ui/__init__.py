"""What people use: the `lexsearch` CLI and the Streamlit app."""
