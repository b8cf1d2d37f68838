"""Service records and their hours, certificates and the monthly/yearly reports."""
