"""Who the committee knows: residents, volunteers, teams, places, their community, consent and risk
tier."""
