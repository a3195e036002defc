// SPDX-License-Identifier: GPL-3.0-or-later
// Runs a libFuzzer target without libFuzzer: over every file in the given directories and, with
// --random N, over N deterministic mutations of a few built-in requests. Good enough for CI; real
// coverage-guided fuzzing needs the CALLSCOPE_LIBFUZZER build.
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

namespace {

using Bytes = std::string;

// Mutations start from the corpus files read, and from these built-in requests.
std::vector<Bytes> &corpus()
{
    static std::vector<Bytes> files;
    return files;
}

const std::vector<Bytes> &builtinSeeds()
{
    static const std::vector<Bytes> seeds = {
        "GET / HTTP/1.1\r\nHost: localhost\r\n\r\n",
        "POST /webhooks/retell HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: "
        "13\r\n\r\n"
        "{\"event\":\"a\"}",
        "POST /api/v1/events HTTP/1.1\r\nTransfer-Encoding: "
        "chunked\r\n\r\n4\r\nabcd\r\n3;ext=1\r\nefg\r\n0\r\n"
        "X-Trailer: t\r\n\r\n",
        "GET /a HTTP/1.1\r\n\r\nGET /b?x=1&y=%20 HTTP/1.1\r\nConnection: close\r\n\r\n",
        "POST /echo HTTP/1.1\r\nExpect: 100-continue\r\nContent-Length: 4\r\n\r\nbody",
        "GET http://example.com/t/clinic/webhooks/twilio HTTP/1.0\r\nConnection: keep-alive\r\n\r\n",
        "\r\n\r\nGET /%E2%82%AC HTTP/1.1\r\nX-Folded: a\r\n b\r\n\r\n",
        "PUT /x HTTP/1.1\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\nabc",
        "GET / HTTP/1.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\nGET /after HTTP/1.1\r\n\r\n",
    };
    return seeds;
}

// The corpus files when there are any (an adapter's JSON samples), else the built-in requests.
const std::vector<Bytes> &seeds()
{
    return corpus().empty() ? builtinSeeds() : corpus();
}

const std::vector<Bytes> &tokens()
{
    static const std::vector<Bytes> tokens = {
        // JSON and form bodies (the adapters' inputs)
        "{",
        "}",
        "[",
        "]",
        "\"",
        ",",
        ":",
        "null",
        "true",
        "1e309",
        "-0",
        "\"\\u0000\"",
        "\"\\ud800\"",
        "&",
        "=",
        "%",
        "+",
        "\"call\":{",
        "\"event\":",
        "\"message\":{",
        "\"type\":",
        "[[[[[[[[",
        // HTTP framing
        "\r\n",
        "\r\n\r\n",
        ":",
        " ",
        "HTTP/1.1",
        "HTTP/1.0",
        "Content-Length: ",
        "Content-Length: 99999999999\r\n",
        "Transfer-Encoding: chunked\r\n",
        "0\r\n\r\n",
        "ffffffff\r\n",
        "Expect: 100-continue\r\n",
        "Connection: close\r\n",
        "%",
        "%00",
        "?",
        "#",
        Bytes("\0", 1),
        "\xff",
        "GET /",
        "POST /",
        std::string(600, 'a'),
    };
    return tokens;
}

Bytes mutate(Bytes input, std::mt19937 &random)
{
    const auto below = [&](size_t n) { return n == 0 ? size_t(0) : size_t(random() % n); };
    // Mostly a single change, so that most inputs still get past the request line.
    const int mutations = 1 + (below(4) == 0 ? int(below(6)) : 0);
    for (int m = 0; m < mutations; ++m) {
        const size_t at = below(input.size() + 1);
        switch (below(8)) {
        case 0: // flip a bit
            if (!input.empty())
                input[below(input.size())] ^= char(1u << below(8));
            break;
        case 1: // any byte
            if (!input.empty())
                input[below(input.size())] = char(random());
            break;
        case 2: // insert a byte
            input.insert(input.begin() + std::ptrdiff_t(at), char(random()));
            break;
        case 3: // erase a range
            input.erase(at, 1 + below(16));
            break;
        case 4: // duplicate a range
            input.insert(at, input.substr(below(input.size() + 1), 1 + below(64)));
            break;
        case 5: // a token that means something to HTTP
            input.insert(at, tokens()[below(tokens().size())]);
            break;
        case 6: // splice in another seed
        {
            const Bytes &other = seeds()[below(seeds().size())];
            input.insert(at, other.substr(below(std::min<size_t>(32, other.size() + 1))));
        } break;
        default: // cut
            input.resize(at);
            break;
        }
    }
    return input;
}

void run(const Bytes &input)
{
    LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t *>(input.data()), input.size());
}

} // namespace

int main(int argc, char *argv[])
{
    long randomCount = 0;
    std::vector<std::filesystem::path> directories;
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--random") == 0 && i + 1 < argc)
            randomCount = std::strtol(argv[++i], nullptr, 10);
        else
            directories.emplace_back(argv[i]);
    }

    long files = 0;
    for (const auto &directory : directories) {
        std::error_code error;
        std::vector<std::filesystem::path> paths;
        for (const auto &entry : std::filesystem::directory_iterator(directory, error)) {
            if (entry.is_regular_file())
                paths.push_back(entry.path());
        }
        if (error) {
            std::fprintf(stderr, "%s: cannot read %s: %s\n", argv[0], directory.c_str(),
                         error.message().c_str());
            return 2;
        }
        std::sort(paths.begin(), paths.end());
        for (const auto &path : paths) {
            std::ifstream file(path, std::ios::binary);
            corpus().emplace_back(std::istreambuf_iterator<char>(file), std::istreambuf_iterator<char>());
            run(corpus().back());
            ++files;
        }
    }

    for (const auto &seed : builtinSeeds())
        run(seed);
    std::mt19937 random(20'241'023); // fixed: the same inputs on every run and machine
    for (long i = 0; i < randomCount; ++i)
        run(mutate(seeds()[random() % seeds().size()], random));

    std::printf("%s: %ld corpus files, %zu seeds, %ld mutations: no invariant broken\n", argv[0], files,
                seeds().size(), randomCount);
    return 0;
}
