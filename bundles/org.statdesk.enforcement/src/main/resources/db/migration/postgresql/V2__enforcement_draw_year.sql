-- PostgreSQL's variant of V2: there indexes and tables share one namespace, so V1's index enf_draw_year (H2 keeps
-- them apart) takes another name before the table of that name is made. Otherwise as db/migration/V2.
ALTER INDEX enf_draw_year RENAME TO enf_draw_year_status;
CREATE TABLE enf_draw_year (
  draw_year INTEGER PRIMARY KEY,
  active_id BIGINT NOT NULL
);
INSERT INTO enf_draw_year (draw_year, active_id)
  SELECT draw_year, MAX(id) FROM enf_draw WHERE status = 'active' GROUP BY draw_year;
