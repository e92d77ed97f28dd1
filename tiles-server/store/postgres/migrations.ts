/**
 * The PostgreSQL store's schema, one entry per version (see the DuckDB store's migrations: the
 * same tables and columns, in PostgreSQL's types). Positions are also PostGIS points, indexed,
 * for spatial queries over the records. Never edit an entry that has shipped: add the next one.
 */
export const MIGRATIONS: readonly string[] = [
  `
  CREATE EXTENSION IF NOT EXISTS postgis;
  CREATE SEQUENCE lifecycle_ids START 1;
  CREATE TABLE incidents (
    id text PRIMARY KEY,
    type text NOT NULL,
    title text NOT NULL,
    description text,
    status text NOT NULL,
    township text,
    lon double precision NOT NULL,
    lat double precision NOT NULL,
    floor integer,
    oid text,
    bound_by text NOT NULL,
    bound_layer text,
    assignee text,
    source text NOT NULL,
    reported_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    geom geometry(Point, 4326) GENERATED ALWAYS AS (ST_SetSRID(ST_MakePoint(lon, lat), 4326)) STORED
  );
  CREATE INDEX incidents_by_report ON incidents (reported_at DESC, id DESC);
  CREATE INDEX incidents_by_oid ON incidents (oid);
  CREATE INDEX incidents_by_place ON incidents USING gist (geom);
  CREATE TABLE incident_steps (
    seq bigserial PRIMARY KEY,
    incident_id text NOT NULL,
    status text NOT NULL,
    actor text NOT NULL,
    assignee text,
    note text,
    stepped_at timestamptz NOT NULL
  );
  CREATE INDEX incident_steps_by_incident ON incident_steps (incident_id, stepped_at, seq);
  CREATE TABLE monitoring_points (
    id text PRIMARY KEY,
    kind text NOT NULL,
    name text NOT NULL,
    unit text NOT NULL,
    warning double precision,
    alarm double precision,
    lon double precision NOT NULL,
    lat double precision NOT NULL,
    township text,
    oid text,
    bound_by text NOT NULL,
    bound_layer text,
    geom geometry(Point, 4326) GENERATED ALWAYS AS (ST_SetSRID(ST_MakePoint(lon, lat), 4326)) STORED
  );
  CREATE INDEX monitoring_points_by_oid ON monitoring_points (oid);
  CREATE INDEX monitoring_points_by_place ON monitoring_points USING gist (geom);
  CREATE TABLE readings (point_id text NOT NULL, read_at timestamptz NOT NULL, value double precision NOT NULL, PRIMARY KEY (point_id, read_at));
  CREATE TABLE latest_readings (point_id text PRIMARY KEY, read_at timestamptz NOT NULL, value double precision NOT NULL);
  CREATE TABLE alarms (
    point_id text NOT NULL,
    incident_id text NOT NULL,
    raised_at timestamptz NOT NULL,
    peak double precision NOT NULL,
    cleared_at timestamptz
  );
  CREATE INDEX alarms_by_point ON alarms (point_id) WHERE cleared_at IS NULL;
  CREATE TABLE lifecycle_records (
    id bigint PRIMARY KEY,
    resource_code text NOT NULL,
    oid text,
    stage text NOT NULL,
    record_date date NOT NULL,
    summary text NOT NULL,
    department text NOT NULL
  );
  CREATE INDEX lifecycle_by_code ON lifecycle_records (resource_code);
  CREATE INDEX lifecycle_by_oid ON lifecycle_records (oid);
  CREATE TABLE events (id bigint PRIMARY KEY, type text NOT NULL, occurred_at timestamptz NOT NULL, data text NOT NULL);
  CREATE TABLE audit_log (
    id bigint PRIMARY KEY,
    occurred_at timestamptz NOT NULL,
    actor text NOT NULL,
    role text NOT NULL,
    action text NOT NULL,
    target text NOT NULL
  );
  CREATE TABLE imports (name text PRIMARY KEY, imported_at timestamptz NOT NULL);
  CREATE TABLE storyboards (
    id text PRIMARY KEY,
    title text NOT NULL,
    scenes text NOT NULL,
    updated_at timestamptz NOT NULL,
    updated_by text NOT NULL
  );
  `,
  `
  CREATE TABLE analyses (
    id text PRIMARY KEY,
    kind text NOT NULL,
    params text NOT NULL,
    result text NOT NULL,
    summary text NOT NULL,
    data_version text NOT NULL,
    created_by text NOT NULL,
    created_at timestamptz NOT NULL
  );
  CREATE INDEX analyses_by_time ON analyses (created_at);
  `,
];
