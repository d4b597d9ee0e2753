-- wrk script: every request registers a new household in 0488 as anna (CASEWORKER, bcrypt password),
-- each with a personnummer and an Idempotency-Key of its own. A 201 is the only success: wrk reports
-- anything else as "Non-2xx or 3xx responses". See BENCHMARKS.md (issue 17).
--   wrk -t2 -c16 -d30s --latency -s ledger-tools/src/test/resources/wrk/register-households.lua http://localhost:18080

local threads = 0

function setup(thread)
   thread:set("thread_number", threads)
   threads = threads + 1
end

function init(args)
   math.randomseed(os.time() * 100 + thread_number)
   counter = math.random(0, 4000000)
   prefix = string.format("%08x", math.random(0, 0x7fffffff))
   wrk.headers["Authorization"] = "Basic YW5uYTpkZW1v" -- anna:demo
   wrk.headers["Content-Type"] = "application/json"
end

-- the Luhn check digit of the nine digits YYMMDDNNN
local function check_digit(nine)
   local sum = 0
   for i = 1, 9 do
      local d = tonumber(nine:sub(i, i)) * ((i % 2 == 1) and 2 or 1)
      if d > 9 then d = d - 9 end
      sum = sum + d
   end
   return (10 - sum % 10) % 10
end

-- a distinct adult for each n below 999 * 28 * 12 * 40: born 1950-1989, day 1-28, serial 001-999
local function personnummer(n)
   local serial = n % 999 + 1
   local days = math.floor(n / 999)
   local day = days % 28 + 1
   local month = math.floor(days / 28) % 12 + 1
   local year = 1950 + math.floor(days / 336) % 40
   local nine = string.format("%02d%02d%02d%03d", year % 100, month, day, serial)
   return string.format("%04d", year):sub(1, 2) .. nine .. check_digit(nine)
end

function request()
   counter = counter + 1
   -- the two threads take alternate numbers
   local n = counter * 2 + thread_number
   local body = string.format('{"municipality": "0488", "members": [{"personalIdentityNumber": "%s", "role": "APPLICANT"}]}',
                              personnummer(n % 13426560))
   wrk.headers["Idempotency-Key"] = prefix .. "-" .. thread_number .. "-" .. counter
   return wrk.format("POST", "/api/v1/households", nil, body)
end
