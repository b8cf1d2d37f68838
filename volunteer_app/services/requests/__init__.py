"""接诉即办: 12345 tickets and those taken by hand, their steps, dispatch, risk, the three
rates, hot spots and the dashboard's figures (issue 13)."""
