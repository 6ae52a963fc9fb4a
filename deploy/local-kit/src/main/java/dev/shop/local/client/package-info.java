/**
 * A Java client of the shop's HTTP API, main code because the local stack
 * seeds its demo data with it and every service's test suite drives the API
 * through it: {@link dev.shop.local.client.ApiClient} (each exchange checked
 * against docs/api/openapi.yaml by {@link dev.shop.local.client.ContractCheck}),
 * {@link dev.shop.local.client.RawHttp} for bytes no well-behaved client sends,
 * and {@link dev.shop.local.client.Race} for N requests at one moment.
 */
package dev.shop.local.client;
