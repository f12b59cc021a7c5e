export { mongoPrograms } from "./mongod";
