-- A distributed Map's concurrency and tolerated failures as UpdateMapRun last set them, kept for
-- DescribeMapRun after the map run ended too (while it runs, the forking token's plan holds them
-- for the engine). A map run is numbered by its first child's token id in the parent execution.
-- A null tolerance was never set.
create table map_run_setting (
  execution_id uuid not null,
  run int not null,
  max_concurrency int not null,
  tolerated_failure_count bigint,
  tolerated_failure_percentage double precision,
  updated_at timestamptz not null,
  primary key (execution_id, run)
);
