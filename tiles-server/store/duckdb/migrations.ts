/**
 * The store's schema, one entry per version; a database is brought forward by running the
 * entries it has not seen, each in its own transaction. Never edit an entry that has shipped:
 * add the next one.
 */
export const MIGRATIONS: readonly string[] = [
  `
  CREATE SEQUENCE event_ids START 1;
  CREATE SEQUENCE audit_ids START 1;
  CREATE SEQUENCE lifecycle_ids START 1;
  CREATE TABLE incidents (
    id VARCHAR PRIMARY KEY,
    type VARCHAR NOT NULL,
    title VARCHAR NOT NULL,
    description VARCHAR,
    status VARCHAR NOT NULL,
    township VARCHAR,
    lon DOUBLE NOT NULL,
    lat DOUBLE NOT NULL,
    floor INTEGER,
    oid VARCHAR,
    bound_by VARCHAR NOT NULL,
    bound_layer VARCHAR,
    assignee VARCHAR,
    source VARCHAR NOT NULL,
    reported_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
  );
  CREATE TABLE incident_steps (
    incident_id VARCHAR NOT NULL,
    status VARCHAR NOT NULL,
    actor VARCHAR NOT NULL,
    assignee VARCHAR,
    note VARCHAR,
    stepped_at TIMESTAMP NOT NULL
  );
  CREATE TABLE monitoring_points (
    id VARCHAR PRIMARY KEY,
    kind VARCHAR NOT NULL,
    name VARCHAR NOT NULL,
    unit VARCHAR NOT NULL,
    warning DOUBLE,
    alarm DOUBLE,
    lon DOUBLE NOT NULL,
    lat DOUBLE NOT NULL,
    township VARCHAR,
    oid VARCHAR,
    bound_by VARCHAR NOT NULL,
    bound_layer VARCHAR
  );
  CREATE TABLE readings (point_id VARCHAR NOT NULL, read_at TIMESTAMP NOT NULL, value DOUBLE NOT NULL);
  CREATE TABLE latest_readings (point_id VARCHAR NOT NULL, read_at TIMESTAMP NOT NULL, value DOUBLE NOT NULL);
  CREATE TABLE alarms (
    point_id VARCHAR NOT NULL,
    incident_id VARCHAR NOT NULL,
    raised_at TIMESTAMP NOT NULL,
    peak DOUBLE NOT NULL,
    cleared_at TIMESTAMP
  );
  CREATE TABLE lifecycle_records (
    id BIGINT PRIMARY KEY,
    resource_code VARCHAR NOT NULL,
    oid VARCHAR,
    stage VARCHAR NOT NULL,
    record_date DATE NOT NULL,
    summary VARCHAR NOT NULL,
    department VARCHAR NOT NULL
  );
  CREATE TABLE events (id BIGINT PRIMARY KEY, type VARCHAR NOT NULL, occurred_at TIMESTAMP NOT NULL, data VARCHAR NOT NULL);
  CREATE TABLE audit_log (
    id BIGINT PRIMARY KEY,
    occurred_at TIMESTAMP NOT NULL,
    actor VARCHAR NOT NULL,
    role VARCHAR NOT NULL,
    action VARCHAR NOT NULL,
    target VARCHAR NOT NULL
  );
  CREATE TABLE imports (name VARCHAR PRIMARY KEY, imported_at TIMESTAMP NOT NULL);
  `,
  `
  CREATE TABLE storyboards (
    id VARCHAR PRIMARY KEY,
    title VARCHAR NOT NULL,
    scenes VARCHAR NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    updated_by VARCHAR NOT NULL
  );
  `,
  // Readings are kept once per point and time, the first stored; a gateway's retry is not a second reading.
  `
  CREATE TABLE readings_once AS SELECT point_id, read_at, arg_min(value, rowid) AS value FROM readings GROUP BY point_id, read_at;
  DROP TABLE readings;
  CREATE TABLE readings (point_id VARCHAR NOT NULL, read_at TIMESTAMP NOT NULL, value DOUBLE NOT NULL, PRIMARY KEY (point_id, read_at));
  INSERT INTO readings SELECT point_id, read_at, value FROM readings_once;
  DROP TABLE readings_once;
  `,
  // Analyses kept as records (GB/T 39972 asks for a trace of every step): what was asked, the answer and its data.
  `
  CREATE TABLE analyses (
    id VARCHAR PRIMARY KEY,
    kind VARCHAR NOT NULL,
    params VARCHAR NOT NULL,
    result VARCHAR NOT NULL,
    summary VARCHAR NOT NULL,
    data_version VARCHAR NOT NULL,
    created_by VARCHAR NOT NULL,
    created_at TIMESTAMP NOT NULL
  );
  `,
];
