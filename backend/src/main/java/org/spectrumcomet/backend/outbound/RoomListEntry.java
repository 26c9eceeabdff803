package org.spectrumcomet.backend.outbound;

import java.util.Objects;

/** One entry of ROOM_LIST: the room as JOIN_ROOM will name it, and its human name. */
public record RoomListEntry(String room, String name) {
    public RoomListEntry {
        Objects.requireNonNull(room, "room");
        name = name == null ? "" : name;
    }
}
