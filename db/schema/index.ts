// The database schema (drizzle-kit reads this folder: drizzle.config.ts). One module per part.
export * from "./core";
export * from "./notifications";
export * from "./offers";
export * from "./operator";
export * from "./programs";
export * from "./sso";
export * from "./throttle";
export * from "./tokens";
