// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace CallScope::Test {

// A self-signed P-256 certificate for "localhost", valid until 2126; for tests only (the
// listener's TLS, the settings dialog's certificate checks).
inline constexpr char testCertificate[] = "-----BEGIN CERTIFICATE-----\n"
                                          "MIIBfzCCASWgAwIBAgIUdEF3EbHrT88k2ZDtcaMrAaW0qUEwCgYIKoZIzj0EAwIw\n"
                                          "FDESMBAGA1UEAwwJbG9jYWxob3N0MCAXDTI2MTEyNDE3NTE1OFoYDzIxMjYxMDMx\n"
                                          "MTc1MTU4WjAUMRIwEAYDVQQDDAlsb2NhbGhvc3QwWTATBgcqhkjOPQIBBggqhkjO\n"
                                          "PQMBBwNCAATcti0IxsLRk4R/41KmsfeCpqqTEXTnRj/Ygic7PEN1hSbP+lSvNfmI\n"
                                          "IBRVtgvm5gRgwsyPWHcOvwA+wDJpbqbgo1MwUTAdBgNVHQ4EFgQUW+8L7owWw+Du\n"
                                          "Mdi/GCoHvXlKnBwwHwYDVR0jBBgwFoAUW+8L7owWw+DuMdi/GCoHvXlKnBwwDwYD\n"
                                          "VR0TAQH/BAUwAwEB/zAKBggqhkjOPQQDAgNIADBFAiB56KUDfUMCanUV0yrgZsyD\n"
                                          "VVKYuMqweLXgsrbrPeIdUgIhAJ20K6+/U1Rlzeecstjm1Pv86reNdTdZRYOrklWW\n"
                                          "wCYU\n"
                                          "-----END CERTIFICATE-----\n";
inline constexpr char testPrivateKey[] = "-----BEGIN PRIVATE KEY-----\n"
                                         "MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgjp/DrCC6waoS+tzh\n"
                                         "qwCRLXyLe6Q+7SiRq2x2rpqf+sqhRANCAATcti0IxsLRk4R/41KmsfeCpqqTEXTn\n"
                                         "Rj/Ygic7PEN1hSbP+lSvNfmIIBRVtgvm5gRgwsyPWHcOvwA+wDJpbqbg\n"
                                         "-----END PRIVATE KEY-----\n";

} // namespace CallScope::Test
