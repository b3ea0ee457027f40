"""Actors: the tables of states, organizations and officeholders, and the text resolver."""

from foedus.actors.mentions import Mention, MentionFinder
from foedus.actors.tables import ActorTables, load_actor_tables

__all__ = ["ActorTables", "Mention", "MentionFinder", "load_actor_tables"]
