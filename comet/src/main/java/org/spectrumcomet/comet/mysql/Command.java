package org.spectrumcomet.comet.mysql;

/** The command byte that opens every packet after login. */
enum Command {
    QUIT(0x01), INIT_DB(0x02), QUERY(0x03), FIELD_LIST(0x04), PING(0x0E), CHANGE_USER(0x11),
    STMT_PREPARE(0x16), STMT_EXECUTE(0x17), STMT_SEND_LONG_DATA(0x18), STMT_CLOSE(0x19),
    STMT_RESET(0x1A), SET_OPTION(0x1B), STMT_FETCH(0x1C), RESET_CONNECTION(0x1F), OTHER(-1);

    private final int code;

    Command(int code) {
        this.code = code;
    }

    int code() {
        return code;
    }

    static Command of(int code) {
        for (Command command : values()) {
            if (command.code == code) {
                return command;
            }
        }
        return OTHER;
    }

    /** "COM_SET_OPTION (0x1b)" — what an error message names. */
    String label(int actual) {
        String hex = String.format("0x%02x", actual);
        return this == OTHER ? hex : "COM_" + name() + " (" + hex + ")";
    }
}
