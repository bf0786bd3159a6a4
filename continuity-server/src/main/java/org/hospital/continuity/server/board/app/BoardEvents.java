package org.hospital.continuity.server.board.app;

/** Vert.x event-bus address the board publishes its own changes on (status reports, teams, fault report). */
public final class BoardEvents {

    public static final String CHANGED = "board.changed";

    private BoardEvents() {
    }
}
