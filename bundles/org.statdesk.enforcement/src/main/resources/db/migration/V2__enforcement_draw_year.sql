-- One active draw per year, enforced by the database: a draw inserts its year here, a replacement moves the row
-- from the draw it replaces to itself. Two staff drawing the same year at the same moment cannot both succeed.
CREATE TABLE enf_draw_year (
  draw_year INTEGER PRIMARY KEY,
  active_id BIGINT NOT NULL
);
INSERT INTO enf_draw_year (draw_year, active_id)
  SELECT draw_year, MAX(id) FROM enf_draw WHERE status = 'active' GROUP BY draw_year;
