"""Who looks after whom: 80后帮90后 pairs, the visit list and its coverage."""
