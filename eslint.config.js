// ESLint: Microsoft's Office add-in configuration (eslint-plugin-office-addins: Office.js load/sync mistakes,
// React, the typescript-eslint parser, Prettier), applied to every source kind we have (.ts, .tsx, .js, .mjs)
// with a current ECMAScript version and our strictness rules.
import officeAddins from "eslint-plugin-office-addins";
import globals from "globals";
import tseslint from "typescript-eslint";

const [reactRecommended] = officeAddins.configs.react;
const [jsRecommended, prettierOff, tsBlock] = officeAddins.configs.recommended;

export default [
  {
    ignores: [
      "dist/**",
      "node_modules/**",
      "coverage/**",
      "test-results/**",
      "bench/results/**",
      "test/fixtures/**",
      "**/*.tmp.*",
    ],
  },
  jsRecommended,
  prettierOff,
  { ...reactRecommended, files: ["**/*.tsx"], settings: { react: { version: "detect" } } },
  {
    files: ["**/*.{js,mjs,ts,mts,tsx}"],
    plugins: tsBlock.plugins,
    languageOptions: {
      parser: tseslint.parser,
      ecmaVersion: "latest",
      sourceType: "module",
      parserOptions: { ecmaFeatures: { jsx: true } },
      globals: {
        ...globals.browser,
        ...globals.node,
        Office: "readonly",
        Excel: "readonly",
        CustomFunctions: "readonly",
      },
    },
    rules: {
      ...tsBlock.rules,
      "react/react-in-jsx-scope": "off",
      "react/prop-types": "off",
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  { files: ["**/*.{ts,mts,tsx}"], rules: { "no-undef": "off" } },
  {
    // exceljs and test fakes are not Office.js: the load/sync rules would misread their plain objects.
    files: ["src/export/**", "test/**", "bench/**"],
    rules: {
      "office-addins/call-sync-before-read": "off",
      "office-addins/call-sync-after-load": "off",
      "office-addins/load-object-before-read": "off",
      "office-addins/test-for-null-using-isNullObject": "off",
    },
  },
];
