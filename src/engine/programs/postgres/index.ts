export { postgresPrograms } from "./postgres";
