"""Query understanding, ranking by terms and reference proximity, version filters, highlights."""
