"""Resolution: who the actors are (states, organisations, people) and where places are."""
