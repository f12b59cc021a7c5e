export { httpdPrograms } from "./httpd";
