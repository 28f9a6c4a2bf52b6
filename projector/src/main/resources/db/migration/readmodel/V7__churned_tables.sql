-- The two read-model tables whose rows are rewritten by most events: a dashboard's widgets (every
-- WidgetsReplaced updates one) and a tenant's published version (every publish). Space on each
-- page lets an update that keeps the indexed columns stay on its page (a HOT update: no index
-- entries), and autovacuum clears their dead rows after a fixed number instead of a fifth of the
-- table: with the defaults, a rebuild left widgets at 20,000 live and 670,000 dead rows, and every
-- later batch scanned them (docs/PERFORMANCE.md, "Projection rebuild").
alter table widgets set (fillfactor = 80, autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 5000,
                         autovacuum_vacuum_cost_delay = 0);
alter table published_versions set (fillfactor = 80, autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 1000,
                                    autovacuum_vacuum_cost_delay = 0, toast.autovacuum_vacuum_scale_factor = 0,
                                    toast.autovacuum_vacuum_threshold = 5000, toast.autovacuum_vacuum_cost_delay = 0);
