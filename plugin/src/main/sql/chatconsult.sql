-- ChatConsult schema for @DB@, version 1 (Openfire runs it once; upgrades go in upgrade/N/).
-- Written from src/main/sql/chatconsult.sql by the build: edit that one, not this.
CREATE TABLE ccAgent (
  address        @VARCHAR@(255) NOT NULL,
  readiness      @VARCHAR@(16) NOT NULL,
  capacity       INTEGER NOT NULL,
  lastSession    @VARCHAR@(1024),
  CONSTRAINT ccAgent_pk PRIMARY KEY (address)
@END_TABLE@;

@CREATE_GROWING_TABLE@ ccInteraction (
  id             @VARCHAR@(64) NOT NULL,
  routingPoint   @VARCHAR@(255) NOT NULL,
  contact        @VARCHAR@(1024) NOT NULL,
  contactName    @VARCHAR@(255),
  firstMessage   @TEXT@,
  started        @BIGINT@ NOT NULL,
  state          @VARCHAR@(16) NOT NULL,
  owner          @VARCHAR@(255),
  participants   @TEXT@,
  offerId        @VARCHAR@(64),
  offerAgent     @VARCHAR@(255),
  offerExpires   @BIGINT@,
  ended          @BIGINT@,
  endReason      @VARCHAR@(32),
  doneBy         @VARCHAR@(255),
  doneCode       @VARCHAR@(64),
  doneNote       @TEXT@,
  doneAt         @BIGINT@,
  CONSTRAINT ccInteraction_pk PRIMARY KEY (id)
@END_TABLE@;
CREATE INDEX ccInteraction_ended_idx ON ccInteraction (ended);

@CREATE_GROWING_TABLE@ ccConsultation (
  id             @VARCHAR@(64) NOT NULL,
  interactionId  @VARCHAR@(64) NOT NULL,
  initiator      @VARCHAR@(255) NOT NULL,
  requestedTarget @VARCHAR@(255) NOT NULL,
  candidates     @TEXT@,
  started        @BIGINT@ NOT NULL,
  state          @VARCHAR@(16) NOT NULL,
  target         @VARCHAR@(255),
  offers         @TEXT@,
  ended          @BIGINT@,
  endReason      @VARCHAR@(32),
  CONSTRAINT ccConsultation_pk PRIMARY KEY (id)
@END_TABLE@;
CREATE INDEX ccConsultation_ia_idx ON ccConsultation (interactionId);

@CREATE_GROWING_TABLE@ ccMessage (
  roomId         @VARCHAR@(64) NOT NULL,
  seq            @BIGINT@ NOT NULL,
  interactionId  @VARCHAR@(64) NOT NULL,
  sentAt         @BIGINT@ NOT NULL,
  sender         @VARCHAR@(255),
  senderRole     @VARCHAR@(16),
  body           @TEXT@,
  stanzaId       @VARCHAR@(255),
  CONSTRAINT ccMessage_pk PRIMARY KEY (roomId, seq)
@END_TABLE@;
CREATE INDEX ccMessage_ia_idx ON ccMessage (interactionId, sentAt);

@CREATE_GROWING_TABLE@ ccEvent (
  interactionId  @VARCHAR@(64) NOT NULL,
  seq            @BIGINT@ NOT NULL,
  happenedAt     @BIGINT@ NOT NULL,
  kind           @VARCHAR@(32) NOT NULL,
  actor          @VARCHAR@(255),
  detail         @VARCHAR@(1024),
  CONSTRAINT ccEvent_pk PRIMARY KEY (interactionId, seq)
@END_TABLE@;

INSERT INTO ofVersion (name, version) VALUES ('chatconsult', 1);
