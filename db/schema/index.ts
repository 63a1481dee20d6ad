// The database schema (drizzle-kit reads this folder: drizzle.config.ts). One module per part.
export * from "./core";
export * from "./offers";
export * from "./operator";
export * from "./programs";
