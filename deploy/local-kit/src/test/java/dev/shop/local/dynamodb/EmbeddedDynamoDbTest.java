package dev.shop.local.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.util.List;

import org.junit.jupiter.api.Test;

/** DynamoDB Local accepts any credentials, so nothing but this machine's loopback may reach it. */
class EmbeddedDynamoDbTest {

    @Test
    void acceptsConnectionsOnLoopbackButNotOnThisMachinesOtherAddresses() throws Exception {
        List<InetAddress> others = nonLoopbackAddresses();
        assumeFalse(others.isEmpty(), "this machine has no address but loopback to try");

        try (EmbeddedDynamoDb dynamoDb = EmbeddedDynamoDb.inMemory(0)) {
            try (Socket loopback = new Socket(InetAddress.getLoopbackAddress(), dynamoDb.port())) {
                assertThat(loopback.isConnected()).isTrue();
            }
            for (InetAddress address : others) {
                assertThatThrownBy(() -> {
                    try (Socket socket = new Socket()) {
                        socket.connect(new InetSocketAddress(address, dynamoDb.port()), 5_000);
                    }
                }).as(address.toString()).isInstanceOf(ConnectException.class);
            }
        }
    }

    private static List<InetAddress> nonLoopbackAddresses() throws SocketException {
        return NetworkInterface.networkInterfaces()
            .filter(network -> {
                try {
                    return network.isUp() && !network.isLoopback();
                } catch (SocketException e) {
                    return false;
                }
            })
            .flatMap(NetworkInterface::inetAddresses)
            .filter(address -> !address.isLoopbackAddress() && !address.isLinkLocalAddress())
            .toList();
    }
}
