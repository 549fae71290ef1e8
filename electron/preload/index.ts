import { contextBridge } from 'electron';
import { API_METHODS } from '../../shared/api/contract';
contextBridge.exposeInMainWorld('x', API_METHODS);
