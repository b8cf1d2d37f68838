"""极端天气风险防控: a weather warning, its roll-call (点名), duty shifts and after-action report."""
