// Builds MarketKit: the shared-runtime page (task pane + custom functions), the standalone preview page,
// functions.json generated from JSDoc by Microsoft's metadata plugin, its zh-CN / zh-TW variants, and the
// manifest with the production URL substituted.
import path from "node:path";
import { fileURLToPath } from "node:url";
import CopyWebpackPlugin from "copy-webpack-plugin";
import CustomFunctionsMetadataPlugin from "custom-functions-metadata-plugin";
import HtmlWebpackPlugin from "html-webpack-plugin";
import { LocalizedMetadataPlugin } from "./scripts/localized-metadata-plugin.mjs";
import { devServerHttps } from "./scripts/dev-https.mjs";

const root = path.dirname(fileURLToPath(import.meta.url));
const urlDev = "https://localhost:3000/";
// Where the production build is hosted. Set MARKETKIT_URL when deploying (must end with "/").
const urlProd = process.env.MARKETKIT_URL || "https://marketkit.example.com/";

export default async (env, argv) => {
  const dev = argv.mode !== "production";
  const serving = Boolean(env.WEBPACK_SERVE);
  return {
    mode: dev ? "development" : "production",
    devtool: dev ? "eval-source-map" : "source-map",
    context: root,
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      functions: "./src/functions/functions.ts",
    },
    output: {
      path: path.resolve(root, "dist"),
      filename: dev ? "[name].js" : "[name].[contenthash:8].js",
      chunkFilename: dev ? "[name].js" : "[name].[contenthash:8].js",
      publicPath: "/",
      clean: true,
    },
    resolve: { extensions: [".ts", ".tsx", ".js"] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          // Type checking is `npm run typecheck`; the bundler only strips types.
          use: { loader: "ts-loader", options: { transpileOnly: true, compilerOptions: { sourceMap: true } } },
        },
      ],
    },
    performance: { hints: false },
    optimization: { splitChunks: { chunks: "async" } },
    plugins: [
      new CustomFunctionsMetadataPlugin({ output: "functions.json", input: "./src/functions/functions.ts" }),
      new LocalizedMetadataPlugin({
        input: "functions.json",
        locales: ["zh-cn", "zh-tw"],
        urlFrom: dev ? undefined : urlDev,
        urlTo: dev ? undefined : urlProd,
      }),
      // The shared-runtime page: Excel loads it for both the task pane and the custom functions.
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["functions", "taskpane"],
        chunksSortMode: "manual",
        templateParameters: { officeJs: "https://appsforoffice.microsoft.com/lib/1/hosted/office.js" },
      }),
      // The standalone preview: the same pane with no Office host and no custom-function registration.
      new HtmlWebpackPlugin({
        filename: "preview.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["taskpane"],
        templateParameters: { officeJs: "" },
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          // Function help pages (the @helpurl of every MKT function points here).
          { from: "docs/*.md", to: "docs/[name][ext]" },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform: (content) => (dev ? content : content.toString().replaceAll(urlDev, urlProd)),
          },
        ],
      }),
    ],
    devServer: {
      port: Number(process.env.npm_package_config_dev_server_port || 3000),
      headers: { "Access-Control-Allow-Origin": "*" },
      server: serving ? await devServerHttps() : undefined,
      static: false,
      historyApiFallback: { index: "/preview.html" },
      client: { overlay: { warnings: false } },
    },
  };
};
