-- One grading per scheme and unit: a second body that also leads the unit (up the chain of
-- leaders, or after a transfer) is refused with CONFLICT naming the grading already made,
-- instead of two grades of which the ranking would pick one arbitrarily.
CREATE UNIQUE INDEX "submissions_one_grading" ON "assessments"."submissions" ("scheme_id", "unit_id") WHERE "role" = 'GRADING';
