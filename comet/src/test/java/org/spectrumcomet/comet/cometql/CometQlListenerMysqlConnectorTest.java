package org.spectrumcomet.comet.cometql;

/** The CometQL contract through MySQL Connector/J 9.1 with default options (it must not try TLS). */
class CometQlListenerMysqlConnectorTest extends CometQlJdbcContract {

    @Override
    String urlPrefix() {
        return "jdbc:mysql://";
    }
}
