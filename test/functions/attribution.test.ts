// MKT.ATTRIB and MKT.PATHS called the way Excel calls them, with the ChannelAttribution cross-check.
import { beforeAll, describe, expect, it } from "vitest";
import {
  firstTouch,
  lastNonDirect,
  linear,
  markovModel,
  parsePaths,
  pathsFromTouchpoints,
  positionBased,
  shapley,
  timeDecay,
} from "../../src/core/attribution";
import { excelSerialFromYmd } from "../../src/core/dates";
import { setFunctionLocale } from "../../src/functions/runtime-locale";
import { callAsExcel, loadRegistry, type Registry } from "./excel-harness";
import { channelAttributionColumns, padToWholeColumn, type Column } from "./excel-fixtures";

let reg: Registry;
beforeAll(async () => {
  reg = await loadRegistry();
  setFunctionLocale("en-US");
});

const err = (code: string, message?: RegExp | string) =>
  message === undefined
    ? expect.objectContaining({ code })
    : expect.objectContaining({
        code,
        message: typeof message === "string" ? message : expect.stringMatching(message),
      });
const ATTRIB = (...args: unknown[]) => callAsExcel(reg, "ATTRIB", ...args) as unknown[][];
const PATHS = (...args: unknown[]) => callAsExcel(reg, "PATHS", ...args) as unknown[][];
const one = (t: unknown[][]) => {
  expect(t).toHaveLength(1);
  expect(t[0]).toHaveLength(1);
  return t[0][0];
};
const row = (t: unknown[][], channel: string) => t.find((r) => r[0] === channel)!;
const sum = (t: unknown[][], col: number) => t.slice(1).reduce((s, r) => s + (r[col] as number), 0);

const ca = channelAttributionColumns();
const body = (c: Column) => c.slice(1).map((r) => r[0]);
const caData = () =>
  parsePaths({
    paths: body(ca.paths),
    conversions: body(ca.conversions),
    values: body(ca.values),
    nulls: body(ca.nulls),
  });

describe("MKT.ATTRIB on ChannelAttribution's Data.csv (title row included)", () => {
  it("first / last / linear give alpha 6308 / 8447 / 7574.7186", () => {
    const first = ATTRIB(ca.paths, ca.conversions, "first", ca.values, ca.nulls);
    const last = ATTRIB(ca.paths, ca.conversions, "last", ca.values, ca.nulls);
    const lin = ATTRIB(ca.paths, ca.conversions, "linear", ca.values, ca.nulls);
    expect(first[0]).toEqual(["Channel", "Conversions", "Value", "Share"]);
    expect(row(first, "alpha")[1]).toBe(6308);
    expect(row(last, "alpha")[1]).toBe(8447);
    expect(row(lin, "alpha")[1] as number).toBeCloseTo(7574.7186, 4);
    for (const t of [first, last, lin]) {
      expect(t).toHaveLength(13);
      expect(sum(t, 1)).toBeCloseTo(19_785, 8);
      expect(sum(t, 2)).toBeCloseTo(74_802.97158721, 6);
      expect(sum(t, 3)).toBeCloseTo(1, 12);
    }
  });

  it("markov (the default model) gives alpha 5344.95", () => {
    const m = ATTRIB(ca.paths, ca.conversions, undefined, ca.values, ca.nulls);
    expect(Math.abs((row(m, "alpha")[1] as number) - 5344.95)).toBeLessThanOrEqual(5e-3);
    expect(m).toEqual(ATTRIB(ca.paths, ca.conversions, "markov", ca.values, ca.nulls));
    const core = markovModel(caData(), { order: 1 });
    expect(m.slice(1).map((r) => r[1])).toEqual(core.conversions);
  });

  it("reads whole-column references (1,048,576 rows) with the same result", () => {
    const [p, c, v, u] = padToWholeColumn([ca.paths, ca.conversions, ca.values, ca.nulls]);
    expect(ATTRIB(p, c, "linear", v, u)).toEqual(ATTRIB(ca.paths, ca.conversions, "linear", ca.values, ca.nulls));
  });

  it('"all" puts every model side by side, each equal to the single-model result', () => {
    const all = ATTRIB(ca.paths, ca.conversions, "all", ca.values, ca.nulls);
    expect(all[0]).toEqual([
      "Channel",
      "First touch",
      "Last touch",
      "Last non-direct",
      "Linear",
      "Position-based",
      "Time decay",
      "Markov",
      "Shapley",
    ]);
    const models = ["first", "last", "last_non_direct", "linear", "position", "time_decay", "markov", "shapley"];
    models.forEach((m, k) => {
      const single = ATTRIB(ca.paths, ca.conversions, m, ca.values, ca.nulls);
      expect(all.slice(1).map((r) => r[k + 1])).toEqual(single.slice(1).map((r) => r[1]));
    });
    expect(row(all, "alpha").slice(1, 3)).toEqual([6308, 8447]);
  });
});

describe("MKT.ATTRIB options and models", () => {
  const paths: Column = [["Search > Email"], ["Social > Search > Email"], ["Direct"], ["Social"], ["Search > Direct"]];
  const conv: Column = [[10], [5], [3], [0], [4]];
  const vals: Column = [[500], [300], [90], [0], [200]];
  const nulls: Column = [[40], [20], [30], [50], [10]];
  const data = () =>
    parsePaths({
      paths: body([[""], ...paths]),
      conversions: body([[""], ...conv]),
      values: body([[""], ...vals]),
      nulls: body([[""], ...nulls]),
    });
  const convOf = (t: unknown[][]) => t.slice(1).map((r) => r[1]);

  it("applies each model's settings from the options text", () => {
    expect(convOf(ATTRIB(paths, conv, "markov", vals, nulls, "order=2"))).toEqual(
      markovModel(data(), { order: 2 }).conversions,
    );
    expect(convOf(ATTRIB(paths, conv, "position", vals, nulls, "first=0.3; last=0.5"))).toEqual(
      positionBased(data(), { first: 0.3, last: 0.5 }).conversions,
    );
    expect(convOf(ATTRIB(paths, conv, "time_decay", vals, nulls, "half_life=2"))).toEqual(
      timeDecay(data(), { halfLife: 2 }).conversions,
    );
    expect(convOf(ATTRIB(paths, conv, "last_non_direct", vals, nulls, "direct=search"))).toEqual(
      lastNonDirect(data(), { direct: "search" }).conversions,
    );
    expect(convOf(ATTRIB(paths, conv, "shapley", vals, nulls))).toEqual(shapley(data()).conversions);
    expect(convOf(ATTRIB(paths, conv, "first", vals, nulls))).toEqual(firstTouch(data()).conversions);
  });

  it("headers=false drops the header row; separator= reads other separators; model names are forgiving", () => {
    const lin = ATTRIB(paths, conv, "linear", vals, nulls);
    expect(ATTRIB(paths, conv, "Linear", vals, nulls, "headers=false")).toEqual(lin.slice(1));
    const arrows = paths.map((r) => [(r[0] as string).replace(/ > /g, "→")]);
    expect(ATTRIB(arrows, conv, "linear", vals, nulls, "separator=→")).toEqual(lin);
    expect(ATTRIB(arrows, conv, "线性", vals, nulls, "separator＝→；headers＝否")).toEqual(lin.slice(1));
    expect(ATTRIB(paths, conv, "time-decay", vals, nulls)).toEqual(ATTRIB(paths, conv, "time_decay", vals, nulls));
  });

  it("leaves the Value column blank without values, and reads counts stored as text", () => {
    const t = ATTRIB(paths, [["10"], ["5"], ["3"], ["0"], ["4"]], "linear");
    expect(t.slice(1).map((r) => r[2])).toEqual(["", "", "", ""]);
    expect(convOf(t)).toEqual(linear(data()).conversions);
    expect(ATTRIB(paths, conv, "linear", [["500"], ["300"], ["90"], [""], ["200"]], nulls)).toEqual(
      ATTRIB(paths, conv, "linear", vals, [[40], [20], [30], [50], [10]]).map((r, i) =>
        i === 0
          ? r
          : r.map((x, j) => (j === 2 ? row(ATTRIB(paths, conv, "linear", vals, nulls), r[0] as string)[2] : x)),
      ),
    );
  });

  it("labels the header in the display language", () => {
    setFunctionLocale("zh-CN");
    try {
      expect(ATTRIB(paths, conv, "linear")[0]).toEqual(["渠道", "转化数", "价值", "占比"]);
      expect(ATTRIB(paths, conv, "all")[0].slice(0, 3)).toEqual(["渠道", "首次触点", "末次触点"]);
      setFunctionLocale("zh-TW");
      expect(ATTRIB(paths, conv, "linear")[0]).toEqual(["管道", "轉換數", "價值", "占比"]);
    } finally {
      setFunctionLocale("en-US");
    }
  });

  it('"all" shows a model that cannot run as errors in its column only', () => {
    const all = ATTRIB(paths, conv, "all", vals, nulls, "decay_unit=days");
    const k = all[0].indexOf("Time decay");
    for (const r of all.slice(1)) {
      expect(r[k]).toEqual(
        err("#VALUE!", "time_decay in days needs touchpoints with timestamps; use steps for path strings."),
      );
      expect(typeof r[1]).toBe("number");
    }
  });
});

describe("MKT.ATTRIB with a 4-column touchpoint range", () => {
  const d = (day: number) => excelSerialFromYmd(2024, 3, day);
  const tp: Column = [
    ["journey", "time", "channel", "value"],
    ["u1", "2024-03-01", "Search", null],
    ["u2", d(2), "Social", null],
    ["u1", d(4), "Email", null],
    ["u1", "2024-03-05 10:00", null, 120],
    ["u2", d(3), "Search", true],
    ["u3", d(2), "Direct", ""],
    [7, d(1), "Email", 0],
    [7, d(20), "Search", "80"],
  ];
  const core = () =>
    pathsFromTouchpoints(
      {
        journeys: ["u1", "u2", "u1", "u1", "u2", "u3", 7, 7],
        timestamps: [d(1), d(2), d(4), d(5) + 10 / 24, d(3), d(2), d(1), d(20)],
        channels: ["Search", "Social", "Email", null, "Search", "Direct", "Email", "Search"],
        values: [null, null, null, 120, null, null, 0, 80],
        conversions: [null, null, null, null, true, null, null, null],
      },
      {},
    );

  it("groups by journey, orders by time and attributes like the core (conversions may be omitted)", () => {
    const t = ATTRIB(tp, undefined, "linear");
    const r = linear(core());
    expect(t.slice(1).map((x) => x[0])).toEqual(r.channels);
    expect(t.slice(1).map((x) => x[1])).toEqual(r.conversions);
    expect(t.slice(1).map((x) => x[2])).toEqual(r.value);
    // time decay in days (timestamps present): half-life 7 days by default
    expect(
      ATTRIB(tp, undefined, "time_decay")
        .slice(1)
        .map((x) => x[1]),
    ).toEqual(timeDecay(core()).conversions);
  });

  it("applies the lookback window of the options in days", () => {
    const t = ATTRIB(tp, undefined, "first", undefined, undefined, "lookback=10");
    expect(row(t, "Email")[1]).toBe(0); // journey 7's Email touch is 19 days before its conversion
    expect(row(t, "Search")[1]).toBe(2);
  });

  it("rejects values and nulls arguments beside a touchpoint range, and names touchpoint cells by row", () => {
    expect(one(ATTRIB(tp, undefined, "linear", [[1]]))).toEqual(
      err(
        "#VALUE!",
        "values is not used with a 4-column touchpoint range (the value is its 4th column): leave it empty.",
      ),
    );
    const bad = tp.map((r) => r.slice());
    bad[3][1] = "soon";
    expect(one(ATTRIB(bad, undefined, "linear"))).toEqual(
      err("#VALUE!", "paths (timestamp) row 4 must be a date/time (an Excel serial number)."),
    );
    bad[3][1] = d(3);
    bad[5][0] = null;
    expect(one(ATTRIB(bad, undefined, "linear"))).toEqual(
      err("#VALUE!", "paths (journey id) row 6 must be a non-empty journey id (text or number)."),
    );
    const na = { code: "#N/A" };
    bad[2][3] = na;
    expect(ATTRIB(bad, undefined, "linear")).toEqual([[na]]);
  });
});

describe("MKT.ATTRIB errors", () => {
  const paths: Column = [["path"], ["a > b"], ["b"]];
  const conv: Column = [["conversions"], [1], [2]];

  it("names the argument and the row of the range (title row counted)", () => {
    expect(one(ATTRIB([["path"], ["a > b"], [" > "]], conv))).toEqual(
      err("#VALUE!", "paths row 3 has no channel (it is blank or contains only separators)."),
    );
    expect(one(ATTRIB(paths, [["conversions"], [1], ["two"]]))).toEqual(
      err("#VALUE!", "conversions row 3 must be a number."),
    );
    expect(one(ATTRIB(paths, [["conversions"], [-1], [2]]))).toEqual(
      err("#VALUE!", "conversions row 2 must not be negative."),
    );
    expect(one(ATTRIB(paths, conv, "linear", [["value"], [5], [-3]]))).toEqual(
      err("#VALUE!", "values row 3 must not be negative."),
    );
    expect(one(ATTRIB(paths, [["conversions"], [0], [2]], "linear", [["value"], [5], [3]]))).toEqual(
      err("#VALUE!", "values row 2 has a conversion value but no conversions."),
    );
  });

  it("rejects missing or misshapen arguments", () => {
    expect(one(ATTRIB(paths))).toEqual(
      err("#VALUE!", "conversions is required with path strings; only a 4-column touchpoint range may leave it out."),
    );
    expect(
      one(
        ATTRIB(
          [
            ["a", 1, 2],
            ["b", 3, 4],
          ],
          conv,
        ),
      ),
    ).toEqual(err("#VALUE!", /^paths must be one column of path strings or a 4-column/));
    expect(one(ATTRIB(paths, conv.slice(0, 2)))).toEqual(
      err("#VALUE!", "conversions must have the same number of rows as paths (2 vs 3)."),
    );
    expect(one(ATTRIB([[null]], [[null]]))).toEqual(err("#VALUE!", "paths is empty: give at least one row."));
    expect(one(ATTRIB(paths, [["conversions"], [0], [0]]))).toEqual(
      err("#VALUE!", "The data contain no conversions, so there is nothing to attribute."),
    );
  });

  it("rejects a bad model or options text with a message naming the setting", () => {
    expect(one(ATTRIB(paths, conv, "u-shape"))).toEqual(err("#VALUE!", /^model must be one of first, last/));
    expect(one(ATTRIB(paths, conv, "markov", undefined, undefined, "order=5"))).toEqual(
      err("#VALUE!", "order must be a whole number from 1 to 4."),
    );
    expect(one(ATTRIB(paths, conv, "markov", undefined, undefined, "order=two"))).toEqual(
      err("#VALUE!", "options: order must be a number."),
    );
    expect(one(ATTRIB(paths, conv, "linear", undefined, undefined, "colour=red"))).toEqual(
      err("#VALUE!", /^options: unknown setting "colour"; the settings are order, separator/),
    );
    expect(one(ATTRIB(paths, conv, "linear", undefined, undefined, "headers"))).toEqual(
      err("#VALUE!", /^options: "headers" is not a setting/),
    );
    expect(one(ATTRIB(paths, conv, "linear", undefined, undefined, "lookback=7"))).toEqual(
      err("#VALUE!", "lookback needs timestamps: give the timestamp column or leave the lookback window empty."),
    );
  });

  it("propagates the first error value, data first", () => {
    const na = { code: "#N/A" };
    const ref = { code: "#REF!" };
    expect(ATTRIB(paths, [["conversions"], [na], [2]], ref)).toEqual([[na]]);
    expect(ATTRIB(paths, conv, "linear", undefined, undefined, [[ref]])).toEqual([[ref]]);
  });

  it("localizes messages", () => {
    setFunctionLocale("zh-CN");
    try {
      expect(one(ATTRIB(paths, [["conversions"], [1], ["two"]]))).toEqual(
        err("#VALUE!", "conversions 第 3 行必须是数字。"),
      );
      expect(one(ATTRIB(paths, conv, "linear", undefined, undefined, "first=2"))).toEqual(
        err("#VALUE!", "options：first 必须介于 0 与 1 之间。"),
      );
    } finally {
      setFunctionLocale("en-US");
    }
  });
});

describe("MKT.PATHS", () => {
  const j: Column = [["journey"], ["u1"], ["u2"], ["u1"], ["u1"], ["u2"], ["u3"]];
  const t: Column = [
    ["time"],
    ["2024-03-01"],
    ["2024-03-02"],
    ["2024-03-04"],
    ["2024-03-05"],
    ["2024-03-03"],
    ["2024-03-02"],
  ];
  const c: Column = [["channel"], ["Search"], ["Social"], ["Email"], [null], ["Search"], ["Direct"]];
  const v: Column = [["value"], [null], [null], [null], [120], [true], [null]];

  it("aggregates touchpoints into paths with a header row", () => {
    expect(PATHS(j, t, c, v)).toEqual([
      ["Path", "Conversions", "Value", "Nulls"],
      ["Search > Email", 1, 120, 0],
      ["Social > Search", 1, 0, 0],
      ["Direct", 0, 0, 1],
    ]);
  });

  it("feeds MKT.ATTRIB: the same attribution as the touchpoint range", () => {
    const p = PATHS(j, t, c, v);
    const col = (k: number) => p.map((r) => [r[k]]);
    const viaPaths = ATTRIB(col(0), col(1), "linear", col(2), col(3));
    const tp = j.map((r, i) => [r[0], t[i][0], c[i][0], v[i][0]]);
    const byChannel = (x: unknown[][]) => [
      x[0],
      ...x.slice(1).sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
    ];
    expect(byChannel(viaPaths)).toEqual(byChannel(ATTRIB(tp, undefined, "linear")));
  });

  it("keeps input order without timestamps, applies lookback_days, trims whole columns", () => {
    const blankTimes: Column = j.map(() => [null]);
    expect(PATHS(j, blankTimes, c, v)[1]).toEqual(["Search > Email", 1, 120, 0]);
    expect(PATHS(j, undefined, c, v)[2]).toEqual(["Social > Search", 1, 0, 0]);
    expect(PATHS(j, t, c, v, 2)[1]).toEqual(["Email", 1, 120, 0]);
    const [J, T, C, V] = padToWholeColumn([j, t, c, v]);
    expect(PATHS(J, T, C, V)).toEqual(PATHS(j, t, c, v));
  });

  it("switches the separator when a channel name contains >", () => {
    const out = PATHS([["a"], ["a"]], [[1], [2]], [["A > B"], ["C"]], [[null], [1]]);
    expect(out[1]).toEqual(["A > B → C", 1, 1, 0]);
  });

  it("names the argument and row of bad cells, and propagates error values", () => {
    expect(one(PATHS([["journey"], ["u1"], [""]], [["time"], [1], [2]], [["channel"], ["a"], ["b"]]))).toEqual(
      err("#VALUE!", "journey_ids row 3 must be a non-empty journey id (text or number)."),
    );
    expect(one(PATHS([["u1"], ["u1"]], [[1], [2]], [["a"], [null]]))).toEqual(
      err("#VALUE!", "channels row 2 has no channel and is not a conversion."),
    );
    expect(one(PATHS([["u1"], ["u1"]], [[1], ["later"]], [["a"], ["b"]]))).toEqual(
      err("#VALUE!", "timestamps row 2 must be a date/time (an Excel serial number)."),
    );
    expect(one(PATHS([["u1"]], undefined, [["a"]], undefined, 3))).toEqual(
      err("#VALUE!", "lookback_days needs timestamps: give the timestamp column or leave the lookback window empty."),
    );
    expect(one(PATHS([["u1"], ["u1"]], [[1], [2]], [["a"], ["b"]], [[null], ["lots"]]))).toEqual(
      err("#VALUE!", "values row 2 must be a number."),
    );
    expect(PATHS([["u1"]], [[{ code: "#NUM!" }]], [["a"]])).toEqual([[{ code: "#NUM!" }]]);
  });
});
