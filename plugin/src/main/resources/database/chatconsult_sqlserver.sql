-- ChatConsult schema for sqlserver, version 1 (Openfire runs it once; upgrades go in upgrade/N/).
CREATE TABLE ccAgent (
  address        NVARCHAR(255) NOT NULL,
  readiness      NVARCHAR(16) NOT NULL,
  capacity       INTEGER NOT NULL,
  lastSession    NVARCHAR(1024),
  CONSTRAINT ccAgent_pk PRIMARY KEY (address)
);

CREATE TABLE ccInteraction (
  id             NVARCHAR(64) NOT NULL,
  routingPoint   NVARCHAR(255) NOT NULL,
  contact        NVARCHAR(1024) NOT NULL,
  contactName    NVARCHAR(255),
  firstMessage   NVARCHAR(MAX),
  started        BIGINT NOT NULL,
  state          NVARCHAR(16) NOT NULL,
  owner          NVARCHAR(255),
  participants   NVARCHAR(MAX),
  offerId        NVARCHAR(64),
  offerAgent     NVARCHAR(255),
  offerExpires   BIGINT,
  ended          BIGINT,
  endReason      NVARCHAR(32),
  doneBy         NVARCHAR(255),
  doneCode       NVARCHAR(64),
  doneNote       NVARCHAR(MAX),
  doneAt         BIGINT,
  CONSTRAINT ccInteraction_pk PRIMARY KEY (id)
);
CREATE INDEX ccInteraction_ended_idx ON ccInteraction (ended);

CREATE TABLE ccConsultation (
  id             NVARCHAR(64) NOT NULL,
  interactionId  NVARCHAR(64) NOT NULL,
  initiator      NVARCHAR(255) NOT NULL,
  requestedTarget NVARCHAR(255) NOT NULL,
  candidates     NVARCHAR(MAX),
  started        BIGINT NOT NULL,
  state          NVARCHAR(16) NOT NULL,
  target         NVARCHAR(255),
  offers         NVARCHAR(MAX),
  ended          BIGINT,
  endReason      NVARCHAR(32),
  CONSTRAINT ccConsultation_pk PRIMARY KEY (id)
);
CREATE INDEX ccConsultation_ia_idx ON ccConsultation (interactionId);

CREATE TABLE ccMessage (
  roomId         NVARCHAR(64) NOT NULL,
  seq            BIGINT NOT NULL,
  interactionId  NVARCHAR(64) NOT NULL,
  sentAt         BIGINT NOT NULL,
  sender         NVARCHAR(255),
  senderRole     NVARCHAR(16),
  body           NVARCHAR(MAX),
  stanzaId       NVARCHAR(255),
  CONSTRAINT ccMessage_pk PRIMARY KEY (roomId, seq)
);
CREATE INDEX ccMessage_ia_idx ON ccMessage (interactionId, sentAt);

CREATE TABLE ccEvent (
  interactionId  NVARCHAR(64) NOT NULL,
  seq            BIGINT NOT NULL,
  happenedAt     BIGINT NOT NULL,
  kind           NVARCHAR(32) NOT NULL,
  actor          NVARCHAR(255),
  detail         NVARCHAR(1024),
  CONSTRAINT ccEvent_pk PRIMARY KEY (interactionId, seq)
);

INSERT INTO ofVersion (name, version) VALUES ('chatconsult', 1);
