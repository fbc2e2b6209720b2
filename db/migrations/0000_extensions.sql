-- btree_gist lets later migrations declare EXCLUDE constraints that mix equality (recruiter)
-- with range overlap (tstzrange), which is how slots are kept from overlapping.
-- PGlite ships it as a contrib extension that the client loads before migrating.
CREATE EXTENSION IF NOT EXISTS btree_gist;
